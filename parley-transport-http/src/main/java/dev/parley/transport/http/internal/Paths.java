package dev.parley.transport.http.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Path templates: splitting, filling and percent-encoding. */
final class Paths {

    private Paths() {
    }

    /** The segments of a path, without the leading slash; {@code /} has none. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        int start = path.startsWith("/") ? 1 : 0;
        if (start >= path.length()) {
            return out;
        }
        int i = start;
        while (true) {
            int slash = path.indexOf('/', i);
            if (slash < 0) {
                out.add(path.substring(i));
                return out;
            }
            out.add(path.substring(i, slash));
            i = slash + 1;
        }
    }

    /** Whether a template segment is a variable, {@code {name}}. */
    static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
    }

    /** {@code template} with each {@code {name}} replaced by its percent-encoded value. */
    static String expand(String template, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        for (String s : segments(template)) {
            b.append('/');
            String v = isVariable(s) ? values.get(s.substring(1, s.length() - 1)) : null;
            b.append(v != null ? encodeSegment(v) : s);
        }
        return b.isEmpty() ? "/" : b.toString();
    }

    static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
