package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlEncoderTest {

    private final XmlEncoder encoder = new XmlEncoder();

    @Test
    void textContentEscapesOnlyMarkup() {
        assertThat(Encoded.of(encoder, "a&b<c>\"d'")).contains("a&amp;b&lt;c&gt;\"d'");
    }

    @Test
    void attributeStylesForQuotes() {
        assertThat(Encoded.of(encoder, "\"'"))
                .contains("&quot;&#39;", "&quot;&#039;", "&quot;&apos;", "&quot;&#x27;", "&#34;&#39;");
    }
}
