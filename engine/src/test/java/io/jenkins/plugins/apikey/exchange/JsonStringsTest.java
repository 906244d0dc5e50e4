package io.jenkins.plugins.apikey.exchange;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.apikey.testing.Gen;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

    @Test
    void quotesSpecialCharacters() {
        assertThat(JsonStrings.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void unquotesEveryEscape() {
        assertThat(JsonStrings.unquote(" \"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\" "))
                .isEqualTo("a\"\\/\b\f\n\r\té");
    }

    @Test
    void refusesWhatIsNotOneString() {
        for (String bad : new String[] {
            "", "\"", "abc", "\"a\"b\"", "\"\\x\"", "\"\\u12\"", "\"\\u+123\"", "\"a\nb\"", "{\"token\":\"x\"}"
        }) {
            assertThatThrownBy(() -> JsonStrings.unquote(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void quoteThenUnquoteGivesTheValueBack() {
        forAll(2000, Gen.unicode(0, 30), value -> assertThat(JsonStrings.unquote(JsonStrings.quote(value)))
                .isEqualTo(value));
    }
}
