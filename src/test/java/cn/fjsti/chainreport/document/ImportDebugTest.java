package cn.fjsti.chainreport.document;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportDebugTest {
    @Test
    void dump() throws Exception {
        String only = System.getProperty("only", "");
        try (var files = Files.list(Path.of("src/test/resources/import-corpus"))) {
            for (Path f : files.sorted().toList()) {
                if (!f.toString().contains(only) || f.toString().endsWith(".json")) continue;
                System.out.println("=== " + f.getFileName());
                try {
                    var p = new DocxImporter(20L << 20).read(Files.readAllBytes(f));
                    p.sections().forEach((k, v) -> System.out.println("  " + k + " <" + p.sourceHeadings().get(k) + "> " + v.replace("\n", "⏎")));
                    p.units().forEach(u -> System.out.println("  U " + u));
                    System.out.println("  kinds " + p.kindsAsWritten());
                    p.notPlaced().forEach(n -> System.out.println("  NP " + n));
                    System.out.println("  missing " + p.missingSections() + " unrec " + p.unrecognised());
                } catch (Exception e) {
                    System.out.println("  ERR " + e);
                }
            }
        }
    }
}
