package io.groundbreak.web.excel.writing;

/** A number written back as a user typed it, without any display format (a row handed back to be fixed). */
public record AsStored(double value) {
}
