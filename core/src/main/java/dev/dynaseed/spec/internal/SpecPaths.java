package dev.dynaseed.spec.internal;

/**
 * Builds the paths that name a place in a spec ({@code tables[1].sortKey.type}), the same way for problems and for
 * the source locations they are matched with.
 */
public final class SpecPaths {
    private SpecPaths() {}

    /** The path of field {@code name} of the object at {@code parent}; long names are cut as in messages. */
    public static String field(String parent, String name) {
        String segment = Quote.bare(name);
        return parent.isEmpty() ? segment : parent + "." + segment;
    }

    /** The path of element {@code index} of the list at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path one level up ({@code tables[1].sortKey} for {@code tables[1].sortKey.type}); "" at the top. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
