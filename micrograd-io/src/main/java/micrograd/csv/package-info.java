/**
 * Tables from CSV files, the one reader behind both {@code micrograd train} and {@code micrograd predict}.
 * {@link micrograd.csv.CsvTable} reads a header line and rows of numbers with Apache Commons CSV (quoted fields with
 * commas, a UTF-8 byte order mark, CRLF line ends and blank lines are all fine), optionally with a label column as
 * text; {@link micrograd.csv.CsvDataset} turns such a table into a classification {@link micrograd.data.Dataset}.
 * A bad file is a {@link micrograd.csv.CsvFileException} whose message names the file, the line and the column, the
 * same whichever command reads it. It lives here, not in micrograd-core, because core has no dependencies.
 */
package micrograd.csv;
