package cn.fjsti.chainreport.support;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A browser test class: one Chromium for all its tests, pointed at the test's service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @TestHTTPResource("/")
    URL base;

    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(base);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
