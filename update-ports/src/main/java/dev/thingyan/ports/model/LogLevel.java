package dev.thingyan.ports.model;

/** Severity of a run log line. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR
}
