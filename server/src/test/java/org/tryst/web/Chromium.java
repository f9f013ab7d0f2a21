package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tryst.testkit.Browser;

/**
 * One real Chromium for a test class, started before its tests and closed after them. After each
 * test its people's contexts are closed, and the test fails if axe-core found an accessibility
 * violation in any view they saw.
 */
public final class Chromium implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final List<String> flags;
    private Browser browser;

    public Chromium() {
        this(List.of());
    }

    private Chromium(List<String> flags) {
        this.flags = flags;
    }

    /** A Chromium whose camera and microphone are fake (a test pattern and a tone), allowed without asking: for calls. */
    public static Chromium withFakeCamera() {
        return new Chromium(List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.launch(flags);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        var violations = browser.violations();
        browser.forgetEveryone();
        assertThat(violations).as("accessibility violations axe-core found in the views this test visited").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        browser.close();
    }

    /** A new person at a desktop-sized window, at the address. */
    public Browser.Page open(String url) {
        return browser.open(url);
    }

    public Browser.Page open(String url, int width, int height) {
        return browser.open(url, width, height);
    }
}
