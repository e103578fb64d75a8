package io.groundbreak.web.excel.importing;

/** Why a row is refused: the column (null when the whole row is meant), the cell, and the message. */
public record CellProblem(String column, String cell, String field, String message) {
}
