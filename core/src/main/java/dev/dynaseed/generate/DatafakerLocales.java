package dev.dynaseed.generate;

import dev.dynaseed.spec.internal.DidYouMean;
import dev.dynaseed.spec.internal.Quote;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The locales Datafaker ships data for: a {@code fake} generator's {@code locale} must name one, since Datafaker
 * itself falls back to English without a word for a locale it does not have ({@code xx-YY}, {@code en-XX}).
 *
 * <p>Datafaker reads {@code LANG-COUNTRY.yml}, then {@code LANG.yml}, then {@code _COUNTRY.yml} from its jar; a locale
 * is shipped when it has its own file, or its language has one and (when a country is given) so has its country.
 */
final class DatafakerLocales {
    private static final Pattern FILE = Pattern.compile("([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\\.yml");
    private static final String EXAMPLES = "en-US, en-GB, de, de-CH, fr, es, it, ja, zh-CN";

    private DatafakerLocales() {}

    /** Why {@code tag} is not a locale Datafaker ships, as the message for the {@code locale} parameter. */
    static Optional<String> problem(String tag) {
        if (!present("en")) {
            // No Datafaker in this build: the expression's own check says what to deploy instead.
            return Optional.empty();
        }
        String hyphens = tag.replace('_', '-');
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(hyphens).build();
        } catch (IllformedLocaleException e) {
            return Optional.of(Quote.of(tag) + " is not a language tag; write e.g. locale: en or de-CH"
                    + suggestion(hyphens, all()));
        }
        if (locale.getLanguage().isEmpty()) {
            return Optional.of(Quote.of(tag) + " names no language; write e.g. locale: en or de-CH");
        }
        boolean shipped = shipped(locale);
        if (!hyphens.equals(tag)) {
            return Optional.of(Quote.of(tag) + " is not a language tag, which separates its parts with '-'"
                    + (shipped
                            ? ": write locale: " + locale.toLanguageTag()
                            : "; and Datafaker ships no " + Quote.of(locale.toLanguageTag()) + " either"
                                    + advice(locale, hyphens)));
        }
        if (shipped) {
            return Optional.empty();
        }
        return Optional.of(Quote.of(tag) + " is not a locale Datafaker ships" + advice(locale, hyphens));
    }

    private static boolean shipped(Locale locale) {
        String language = locale.getLanguage();
        String country = locale.getCountry();
        if (!country.isEmpty() && present(language + "-" + country)) {
            return true;
        }
        return present(language) && (country.isEmpty() || present("_" + country));
    }

    /** What to write instead: the locales of the same language, else the closest one, else a few examples. */
    private static String advice(Locale locale, String tag) {
        List<String> all = all();
        String language = locale.getLanguage();
        List<String> sameLanguage = all.stream()
                .filter(name -> name.equals(language) || name.startsWith(language + "-"))
                .toList();
        if (!sameLanguage.isEmpty()) {
            String first = sameLanguage.contains(language) ? language : sameLanguage.get(0);
            return "; did you mean " + Quote.of(first) + "? For " + language + " it ships "
                    + String.join(", ", sameLanguage);
        }
        String closest = suggestion(tag, all);
        return closest.isEmpty() ? "; use one it ships, e.g. locale: en (or " + EXAMPLES + ")" : closest;
    }

    private static String suggestion(String tag, List<String> all) {
        // A 2- or 3-letter code is within the typo tolerance of every other one: no guess is better than a wrong one.
        if (tag.length() <= 3) {
            return "";
        }
        return DidYouMean.closest(tag, all)
                .map(name -> "; did you mean " + Quote.of(name) + "?")
                .orElse("");
    }

    private static boolean present(String name) {
        return DatafakerLocales.class.getClassLoader().getResource(name + ".yml") != null;
    }

    /** Every locale file at the root of the jar (or folder) Datafaker's {@code en.yml} is in, sorted. */
    private static List<String> all() {
        URL english = DatafakerLocales.class.getClassLoader().getResource("en.yml");
        TreeSet<String> names = new TreeSet<>();
        if (english == null) {
            return List.of();
        }
        try {
            if (english.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        add(entries.nextElement().getName(), names);
                    }
                }
            } else if (english.getProtocol().equals("file")) {
                try (DirectoryStream<Path> files =
                        Files.newDirectoryStream(Path.of(english.toURI()).getParent(), "*.yml")) {
                    files.forEach(file -> add(file.getFileName().toString(), names));
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            // Only the suggestions are lost: the locale itself was judged by its files.
            return List.of();
        }
        return new ArrayList<>(names);
    }

    private static void add(String entry, TreeSet<String> names) {
        var matcher = FILE.matcher(entry);
        if (matcher.matches()) {
            names.add(matcher.group(1));
        }
    }
}
