package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.Section;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The 帮助 page, open without a login: the passages of the notice 闽科高〔2024〕135号 that define the work
 * (copied into {@code help/notice-135.txt}), the outline with what belongs in each section
 * ({@code help/outline-guide.txt}), a short how-to per role, and whom to ask: the institute, the administrator
 * and each city-level unit, from configuration ({@code chainreport.help.*}).
 */
@Path("/help")
@PermitAll
@Produces("text/html;charset=UTF-8")
public class HelpPage {

    @Inject
    Frames frames;

    @Inject
    HelpSettings settings;

    /** One outline section: its label (一.1), its heading, and what belongs in it. */
    public record OutlineHelp(String label, String partHeading, boolean newPart, String heading, String guide) {
    }

    /** A city-level unit and whom to ask there; contact null when not configured. */
    public record UnitContact(String name, String contact) {
    }

    public record Help(List<String> notice, List<OutlineHelp> outline, String instituteContact, String adminContact,
                       List<UnitContact> units) {
    }

    @GET
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance help() {
        Map<String, String> guide = lines("help/outline-guide.txt").stream().map(l -> l.split("\t", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        List<OutlineHelp> outline = new java.util.ArrayList<>();
        String part = null;
        for (Section s : Section.values()) {
            String heading = s.partHeading("***", "***");
            outline.add(new OutlineHelp(s.label(), heading, !heading.equals(part), s.heading("***"), guide.getOrDefault(s.name(), "")));
            part = heading;
        }
        List<UnitContact> units = Region.reviewUnits().stream()
                .map(r -> new UnitContact(r.name, settings.contact().get(r.code)))
                .toList();
        return Views.help(frames.of("帮助", "help"), new Help(lines("help/notice-135.txt"), outline, settings.instituteContact(), settings.adminContact(), units));
    }

    /** The lines of a resource, without blank lines and # comments. */
    static List<String> lines(String resource) {
        try (InputStream in = HelpPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
