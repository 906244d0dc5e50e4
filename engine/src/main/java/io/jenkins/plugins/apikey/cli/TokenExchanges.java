package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.BindingPlan;
import io.jenkins.plugins.apikey.exchange.TokenExchangeException;
import io.jenkins.plugins.apikey.exchange.XrayTokenClient;
import java.util.LinkedHashMap;
import java.util.Map;

/** Performs a plan's token exchanges before the command starts; the tokens are secrets to bind and mask. */
final class TokenExchanges {

    private TokenExchanges() {}

    /**
     * Variable name to token, for every exchange of {@code plan}.
     *
     * @throws RunFailure 69, with the service's HTTP status or the network problem, never a secret
     */
    static Map<String, String> perform(BindingPlan plan, XrayTokenClient client) throws RunFailure {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (BindingPlan.PlannedExchange exchange : plan.exchanges()) {
            try {
                tokens.put(
                        exchange.variable(),
                        client.exchange(exchange.baseUrl(), exchange.clientId(), exchange.clientSecret()));
            } catch (TokenExchangeException e) {
                throw new RunFailure(
                        RunFailure.UNAVAILABLE,
                        exchange.label().sentenceStart() + " could not be exchanged for a token: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunFailure(RunFailure.SOFTWARE, "Interrupted during the token exchange.");
            }
        }
        return tokens;
    }
}
