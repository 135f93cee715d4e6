package dev.thingyan.ports.model;

/** What an extraction wrote: regular files, folders, links (all inside the release folder), bytes. */
public record ExtractionResult(int files, int directories, int links, long bytes) {}
