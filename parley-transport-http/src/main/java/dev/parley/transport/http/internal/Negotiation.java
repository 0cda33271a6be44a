package dev.parley.transport.http.internal;

import dev.parley.codec.CodecFactory;
import dev.parley.codec.Codecs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Content negotiation over the runtime's codecs: which media types a body may come in and go out in. */
final class Negotiation {

    private final Codecs codecs;
    private final List<String> supported;

    Negotiation(Codecs codecs) {
        this.codecs = codecs;
        Set<String> all = new LinkedHashSet<>();
        for (CodecFactory f : codecs.factories()) {
            all.addAll(f.mediaTypes());
        }
        this.supported = List.copyOf(all);
    }

    List<String> supported() {
        return supported;
    }

    /** The media type a request body in {@code contentType} is read as, or null when no codec reads it. */
    @Nullable String readable(String contentType) {
        String t = Codecs.normalize(contentType);
        if (supported.contains(t)) {
            return t;
        }
        // A structured suffix (application/hal+json, application/merge-patch+json) is read as its base format.
        int plus = t.lastIndexOf('+');
        if (plus > 0) {
            String base = "application/" + t.substring(plus + 1);
            if (supported.contains(base)) {
                return base;
            }
        }
        return null;
    }

    /**
     * The media type to answer in for an {@code Accept} header (RFC 9110 §12.5.1: highest {@code q} first, then
     * the order of the server's codecs), or null when nothing acceptable is supported.
     */
    @Nullable String acceptable(@Nullable String accept, @Nullable String requestType) {
        if (accept == null || accept.isBlank()) {
            return requestType != null ? requestType : supported.getFirst();
        }
        if (accept.indexOf(',') < 0 && accept.indexOf(';') < 0) {
            // One media type without parameters, as Parley's own client sends: no ranges to weigh.
            String type = accept.trim().toLowerCase(Locale.ROOT);
            int at = supported.indexOf(type);
            if (at >= 0) {
                return supported.get(at);
            }
        }
        record Range(String type, double q, int order) {
        }
        List<Range> ranges = new ArrayList<>();
        int order = 0;
        for (String part : accept.split(",")) {
            String[] params = part.split(";");
            String type = params[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && !type.isEmpty()) {
                ranges.add(new Range(type, q, order++));
            }
        }
        ranges.sort(Comparator.comparingDouble((Range r) -> -r.q).thenComparingInt(r -> r.order));
        for (Range r : ranges) {
            if (r.type.equals("*/*") && requestType != null) {
                return requestType;
            }
            for (String s : preferring(requestType)) {
                if (matches(r.type, s)) {
                    return s;
                }
            }
            String suffixed = readable(r.type);
            if (suffixed != null && !r.type.contains("*")) {
                return suffixed;
            }
        }
        return null;
    }

    private List<String> preferring(@Nullable String first) {
        if (first == null || !supported.contains(first)) {
            return supported;
        }
        List<String> l = new ArrayList<>(supported);
        l.remove(first);
        l.addFirst(first);
        return l;
    }

    private static boolean matches(String range, String type) {
        if (range.equals("*/*") || range.equals(type)) {
            return true;
        }
        return range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1));
    }

    Codecs codecs() {
        return codecs;
    }
}
