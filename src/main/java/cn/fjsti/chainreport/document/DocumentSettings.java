package cn.fjsti.chainreport.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.util.Optional;

/** The Word and Excel files ({@link DocumentService}): keys {@code chainreport.documents.*} and {@code chainreport.import.*}. */
@ConfigMapping(prefix = "chainreport")
public interface DocumentSettings {

    Documents documents();

    @WithName("import")
    Import importing();

    /** {@code chainreport.compilation.*}: the institute's compilation, built in the background ({@link CompilationJobs}). */
    Compilation compilation();

    /** How long a download waits for the build before answering 202, and where the finished files are kept. */
    interface Compilation {

        /** Default 8 s: with the page's own wait, a download answers within 10 s. */
        @WithDefault("PT8S")
        @WithName("wait")
        java.time.Duration downloadWait();

        /** Default: {@code compilation} under the system's temporary directory. */
        Optional<Path> directory();
    }

    /** {@code chainreport.documents.*}: a bureau's own copies of the files under {@code report-templates/}. */
    interface Documents {

        /** A copy of {@code official-format.properties} to restyle the Word files; the built-in one when unset. */
        Optional<Path> formatFile();

        /** A copy of {@code unit-names.properties}: the units' full names on bundles and in file properties. */
        Optional<Path> unitNamesFile();
    }

    /** {@code chainreport.import.*}: the Word import. */
    interface Import {

        /** The largest .docx/.doc accepted, in bytes (default 10 MiB; the HTTP body limit is set a little above). */
        @WithDefault("10485760")
        long maxBytes();
    }
}
