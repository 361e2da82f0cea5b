package io.simcast.generate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of the provider listing ({@code GET /api/config}, the settings dialog): which provider is configured,
 * the model and address it uses, and whether a key is stored. Never the key itself. Immutable.
 *
 * @param provider the provider
 * @param model the model generation uses (the operator's or the default)
 * @param baseUrl the address requests go to
 * @param keyStored whether an API key is stored for it
 * @param isDefault whether generation uses it when no provider is named (the one configured last)
 */
public record ProviderStatus(
        @JsonProperty("provider") Provider provider,
        @JsonProperty("model") String model,
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("key_stored") boolean keyStored,
        @JsonProperty("default") boolean isDefault) {}
