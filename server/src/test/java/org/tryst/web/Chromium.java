package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;

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
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.launch();
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
