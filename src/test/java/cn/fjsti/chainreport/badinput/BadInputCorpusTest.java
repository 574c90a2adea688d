package cn.fjsti.chainreport.badinput;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.document.HostileFiles;
import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@code bad-input/corpus.json} (malformed and truncated JSON, wrong types, oversize text and
 * uploads, unknown and malformed codes and ids, invalid dates, injection-looking strings, odd Unicode, hostile
 * .docx files, a renamed .exe…) must get its 4xx as application/problem+json with a readable detail, name
 * the failing field where there is one, leak no internals, and write nothing.
 */
@QuarkusTest
class BadInputCorpusTest {

    /** One case of the corpus. */
    public record Case(String name, String account, String method, String path, String body, String contentType,
                       String generator, int status, String field) {
    }

    @Inject
    Database db;

    @Test
    void shouldRefuseEveryCaseOfTheCorpusAndWriteNothing() throws Exception {
        List<Case> corpus;
        try (InputStream in = getClass().getResourceAsStream("/bad-input/corpus.json")) {
            corpus = new ObjectMapper().readValue(in, new TypeReference<>() { });
        }
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);

        long campaign = Fixtures.openCampaign();
        long report = Fixtures.declare(Accounts.HAICANG, campaign, "海洋生物产业链").get("海洋生物产业链");
        long submitted = Fixtures.declare(Accounts.HAICANG, campaign, "生物医药产业链").get("生物医药产业链");
        Fixtures.fillAndSubmit(Accounts.HAICANG, submitted);
        long version = Fixtures.version(Accounts.HAICANG, report);
        Map<String, String> values = Map.of("{campaign}", String.valueOf(campaign), "{report}", String.valueOf(report),
                "{submitted}", String.valueOf(submitted), "{version}", String.valueOf(version));

        SoftAssertions softly = new SoftAssertions();
        List<String> tried = new ArrayList<>();
        for (Case c : corpus) {
            String path = fill(c.path(), values);
            String body = c.body() == null ? null : fill(c.body(), values).replace("{freshYear}", String.valueOf(Fixtures.RESERVED_YEAR));
            db.assertWritesNothing(() -> {
                RequestSpecification request = as(c.account()).contentType(c.contentType());
                if (c.generator() != null) {
                    request = request.body(generate(c.generator()));
                } else if (body != null) {
                    request = request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                Response r = request.request(c.method(), path);
                String text = r.asString();
                softly.assertThat(r.statusCode()).as(c.name() + ": status").isEqualTo(c.status());
                softly.assertThat(r.contentType()).as(c.name() + ": content type").startsWith("application/problem+json");
                softly.assertThat(r.jsonPath().getString("detail")).as(c.name() + ": detail").isNotBlank();
                softly.assertThat(text).as(c.name() + ": no internals").doesNotContain("Exception", "java.", "at cn.", "org.hibernate");
                if (c.field() != null) {
                    softly.assertThat(r.jsonPath().getList("fields.field", String.class)).as(c.name() + ": field").contains(c.field());
                }
            });
            tried.add(c.name());
        }
        softly.assertAll();
        System.out.printf("bad-input corpus: %d cases refused, nothing written%n", tried.size());
    }

    private static String fill(String text, Map<String, String> values) {
        String result = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            result = result.replace(v.getKey(), v.getValue());
        }
        return result;
    }

    private static byte[] generate(String generator) {
        return switch (generator) {
            case "renamedExe" -> HostileFiles.renamedExe();
            case "zipBomb" -> HostileFiles.zipBomb();
            case "externalEntity" -> HostileFiles.externalEntity();
            case "plainZip" -> HostileFiles.plainZip();
            case "elevenMegabytes" -> new byte[11 * 1024 * 1024];
            default -> throw new IllegalArgumentException("unknown generator " + generator);
        };
    }
}
