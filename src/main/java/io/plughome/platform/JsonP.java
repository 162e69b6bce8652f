package io.plughome.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Each static {@code jakarta.json.Json.createX} call looks the
 * provider up again (a ServiceLoader search), which under load cost more than the JSON work itself
 * (about 6 % of the server's CPU answering meter values); code on a hot path calls
 * {@code JsonP.PROVIDER.createX} instead.
 */
public final class JsonP {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }
}
