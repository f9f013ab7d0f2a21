package org.tryst.web;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tryst.testkit.Browser;

/** One real Chromium for a test class, started before its tests and closed after them. */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.launch();
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
