package dev.parley.transport.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.http.HttpRoute;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * HAL links (REST maturity level 3): a reply whose type declares {@link dev.parley.http.Link}s gets
 * {@code _links} with the URL of each linked operation, its path variables filled from the reply's
 * properties (then from the request's path). JSON bodies only; other formats go out as they are.
 */
final class Hal {

    static final String MEDIA_TYPE = "application/hal+json";

    private Hal() {
    }

    static boolean isJson(String mediaType) {
        String t = dev.parley.codec.Codecs.normalize(mediaType);
        return t.equals("application/json") || t.endsWith("+json");
    }

    static byte[] render(byte[] body, Map<String, HttpRoute> links, Map<String, String> requestVars) {
        try {
            JsonNode tree = Problems.JSON.readTree(body);
            if (!(tree instanceof ObjectNode o)) {
                return body;
            }
            ObjectNode out = o.putObject("_links");
            for (Map.Entry<String, HttpRoute> l : links.entrySet()) {
                Map<String, String> vars = new HashMap<>(requestVars);
                for (String v : l.getValue().pathParams()) {
                    JsonNode value = o.get(v);
                    if (value != null && value.isValueNode() && !value.isNull()) {
                        vars.put(v, value.asText());
                    }
                }
                ObjectNode link = out.putObject(l.getKey());
                link.put("href", Paths.expand(l.getValue().template(), vars));
                if (!l.getValue().method().equals("GET")) {
                    link.put("method", l.getValue().method());
                }
            }
            return Problems.JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            return body;
        }
    }
}
