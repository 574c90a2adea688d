package cn.fjsti.chainreport.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code Prefer} request header of RFC 7240 §4.2, as far as saves, submissions and the city's decisions honour it: {@code
 * return=minimal} asks for the report's new state only ({@code ReportViews.Saved}) instead of the whole report;
 * any other value, or none, gets the whole report. The answer then says {@code Preference-Applied: return=minimal}
 * (RFC 7240 §3) and, either way, {@code Vary: Prefer}.
 */
public final class Prefer {

    /** A {@code return=minimal} preference among the header's comma-separated preferences (token case-insensitive). */
    private static final Pattern MINIMAL = Pattern.compile("(^|,)\\s*return\\s*=\\s*\"?minimal\"?\\s*(;|,|$)");

    private Prefer() {
    }

    /** Whether the header asks for {@code return=minimal}; null or blank: no. */
    public static boolean minimal(String header) {
        return header != null && MINIMAL.matcher(header.toLowerCase(Locale.ROOT)).find();
    }

    /** 200 with the answer (a report or a list of them), saying which preference was applied. */
    public static Response answer(Object answer, boolean minimal) {
        Response.ResponseBuilder ok = Response.ok(answer).header(HttpHeaders.VARY, "Prefer");
        return minimal ? ok.header("Preference-Applied", "return=minimal").build() : ok.build();
    }
}
