/**
 * The exceptions every driving port throws, rooted at {@link
 * dev.thingyan.ports.error.ThingyanException}, and the {@link dev.thingyan.ports.error.Reason} an
 * edge renders in the reader's language.
 */
package dev.thingyan.ports.error;
