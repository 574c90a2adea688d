package cn.fjsti.chainreport.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a long list, and the links to the pages around it. Page numbers start at 1; the page size is
 * bounded ({@link #MAX_SIZE}). A page number or size that is not a whole number in range is refused with 400
 * (field {@code page} or {@code size}); a page beyond the last shows the last page. Links keep the filters
 * ({@link #link(int)}).
 *
 * @param items  the items of this page
 * @param page   this page's number (1-based)
 * @param size   items per page
 * @param total  items in the whole (filtered) list
 * @param base   the address without the page number, with the filters, ending in "page="
 */
public record Paging<T>(List<T> items, int page, int size, long total, String base) {

    /** The largest page size anyone may ask for. */
    public static final int MAX_SIZE = 100;
    /** Longest search text. */
    public static final int MAX_QUERY = 60;

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public String previous() {
        return link(page - 1);
    }

    public String next() {
        return link(page + 1);
    }

    public String link(int number) {
        return base + number;
    }

    /** The first item's position (1-based) on this page, 0 for an empty list. */
    public long from() {
        return total == 0 ? 0 : (long) (page - 1) * size + 1;
    }

    public long to() {
        return Math.min(total, (long) page * size);
    }

    /** The page of an already filtered list. */
    public static <T> Paging<T> slice(List<T> all, int page, int size, String base) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int shown = Math.min(page, pages);
        int from = Math.min(all.size(), (shown - 1) * size);
        return new Paging<>(all.subList(from, Math.min(all.size(), from + size)), shown, size, all.size(), base);
    }

    /** A page number from the address: null or "" is 1; anything else must be a whole number from 1 on. */
    public static int page(String raw) {
        return number("page", raw, 1, 1, Integer.MAX_VALUE / MAX_SIZE, "页码须为 1 以上的整数");
    }

    /** A page size from the address: null or "" is {@code standard}; else 1 to {@link #MAX_SIZE}. */
    public static int size(String raw, int standard) {
        return number("size", raw, standard, 1, MAX_SIZE, "每页条数须为 1 到 " + MAX_SIZE + " 的整数");
    }

    /** A search text: trimmed, null when empty; longer than {@link #MAX_QUERY} characters is refused (400). */
    public static String query(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String q = raw.strip();
        if (q.codePointCount(0, q.length()) > MAX_QUERY) {
            throw ApiException.badField("q", "查找内容不能超过 " + MAX_QUERY + " 个字");
        }
        return q;
    }

    /** "path?k=v&…&page=" with the non-empty filters, URL-encoded. */
    public static String base(String path, Map<String, String> filters) {
        StringBuilder s = new StringBuilder(path).append('?');
        for (Map.Entry<String, String> f : filters.entrySet()) {
            if (f.getValue() != null && !f.getValue().isEmpty()) {
                s.append(f.getKey()).append('=').append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).append('&');
            }
        }
        return s.append("page=").toString();
    }

    public static Map<String, String> filters(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static int number(String field, String raw, int standard, int min, int max, String message) {
        if (raw == null || raw.isBlank()) {
            return standard;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < min || n > max) {
                throw ApiException.badField(field, message);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badField(field, message);
        }
    }
}
