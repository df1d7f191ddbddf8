package app.scribe.library;

/**
 * One book of the Project Gutenberg catalog. Text fields are on one line (the catalog breaks some long titles over
 * several), {@code language} is the catalog's codes ({@code en}, or {@code en; fr} for several).
 */
public record CatalogEntry(int id, String title, String authors, String language, String subjects) {
    /** The authors, or "unknown author" when the catalog names none. */
    public String authorOrUnknown() {
        return authors.isEmpty() ? "unknown author" : authors;
    }

    /** Whether one of the book's languages is {@code code} (any language when {@code code} is blank). */
    public boolean inLanguage(String code) {
        if (code == null || code.isBlank()) {
            return true;
        }
        for (String each : language.split(";")) {
            if (each.strip().equalsIgnoreCase(code.strip())) {
                return true;
            }
        }
        return false;
    }
}
