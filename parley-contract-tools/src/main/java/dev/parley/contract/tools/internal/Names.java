package dev.parley.contract.tools.internal;

import java.util.Collection;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Java names for the names an OpenAPI document uses. */
final class Names {

    /** Names a generated type must not take: the java.lang types generated code uses by simple name. */
    private static final Set<String> RESERVED = Set.of("String", "Long", "Integer", "Double", "Float", "Boolean",
            "Object", "Void", "Override", "Nullable", "Record", "Enum");

    private Names() {
    }

    /** {@code find pets by-status} -> {@code findPetsByStatus}. */
    static String member(String s) {
        String camel = camel(s);
        String n = camel.isEmpty() ? "value" : Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        if (!Character.isJavaIdentifierStart(n.charAt(0))) {
            n = "_" + n;
        }
        return SourceVersion.isKeyword(n) ? n + "_" : n;
    }

    /** {@code pet-list} -> {@code PetList}, not one of {@code taken}. */
    static String type(String s, Collection<String> taken) {
        String camel = camel(s);
        String n = camel.isEmpty() ? "Type" : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        if (!Character.isJavaIdentifierStart(n.charAt(0))) {
            n = "T" + n;
        }
        if (RESERVED.contains(n) || SourceVersion.isKeyword(n)) {
            n = n + "Type";
        }
        String base = n;
        for (int i = 2; taken.contains(n); i++) {
            n = base + i;
        }
        return n;
    }

    /** Whether {@code s} can be a record component's name as it is. */
    static boolean isMember(String s) {
        return SourceVersion.isIdentifier(s) && !SourceVersion.isKeyword(s) && !s.startsWith("_")
                || s.equals("_links");
    }

    private static String camel(String s) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = b.length() > 0;
            }
        }
        return b.toString();
    }
}
