package cn.fjsti.chainreport.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Places a chain name in an industry category by keyword (reference data, longest keyword wins). */
public final class IndustryCategories {

    public static final String OTHER = "其他";
    private static final String RESOURCE = "reference/industry-categories.csv";

    private record Keyword(String category, String keyword) {
    }

    private final List<Keyword> keywords;

    private IndustryCategories(List<Keyword> keywords) {
        this.keywords = keywords;
    }

    /** The categories shipped with the service. */
    public static IndustryCategories load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            List<Keyword> keywords = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.strip().split(",", 2);
                for (String keyword : cells[1].split("\\|")) {
                    keywords.add(new Keyword(cells[0], ChainNames.key(keyword)));
                }
            }
            return new IndustryCategories(keywords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The categories in the order of the reference data (without 其他). */
    public List<String> categories() {
        return keywords.stream().map(Keyword::category).distinct().toList();
    }

    public String categoryOf(String chainName) {
        String key = ChainNames.key(chainName);
        String best = OTHER;
        int bestLength = 0;
        for (Keyword k : keywords) {
            if (key.contains(k.keyword()) && k.keyword().length() > bestLength) {
                best = k.category();
                bestLength = k.keyword().length();
            }
        }
        return best;
    }
}
