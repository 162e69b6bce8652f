package io.plughome.api.v1;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Function;

/**
 * CSV exports (RFC 4180): a header naming every column, one row per item, CRLF line ends; text
 * cells neutralised against formula injection.
 */
final class Csv<T> {

    static final String TEXT_CSV = "text/csv";

    record Column<T>(String name, Function<T, Object> value) {
    }

    private final List<Column<T>> columns;

    Csv(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    String write(List<T> rows) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(Column::name).toList())).append("\r\n");
        for (T row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object value = columns.get(i).value().apply(row);
                String text = value == null ? "" : value.toString();
                csv.append(field(value instanceof Number ? text : neutralised(text)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /**
     * A text cell a spreadsheet would take as a formula (OWASP's CSV injection rule: it begins,
     * after any spaces, with =, +, -, @, a tab or a carriage return; or their full-width forms)
     * gets a leading apostrophe, so it is shown as the text it is. Numbers are written as numbers.
     */
    static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        String trimmed = value.stripLeading();
        char first = trimmed.isEmpty() ? value.charAt(0) : trimmed.charAt(0);
        return FORMULA.indexOf(value.charAt(0)) >= 0 || FORMULA.indexOf(first) >= 0 ? "'" + value : value;
    }

    private static final String FORMULA = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Whether the caller asked for CSV: {@code ?format=csv}, or {@code Accept: text/csv} first. */
    static boolean wanted(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if ("csv".equalsIgnoreCase(format)) {
                return true;
            }
            if ("json".equalsIgnoreCase(format)) {
                return false;
            }
            throw ApiError.badRequest("format must be 'json' or 'csv'");
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.valueOf(TEXT_CSV))
                && !accepted.get(0).isWildcardType();
    }
}
