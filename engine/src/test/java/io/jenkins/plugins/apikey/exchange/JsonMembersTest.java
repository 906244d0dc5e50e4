package io.jenkins.plugins.apikey.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMembersTest {

    @Test
    void findsATopLevelStringMemberAmongOthers() {
        String answer = " {\"scope\" : [\"openid\", {\"error\": \"nested\"}], \"expires_in\":43199, \"ok\":true,"
                + " \"n\":null, \"x\":-1.5e3, \"meta\":{\"a\":{\"b\":\"}\"}}, \"error\" : \"invalid_grant\" } ";

        assertThat(JsonMembers.string(answer, "error")).contains("invalid_grant");
        assertThat(JsonMembers.string(answer, "expires_in")).isEmpty();
        assertThat(JsonMembers.string(answer, "missing")).isEmpty();
    }

    @Test
    void decodesEscapesAndTakesTheFirstOfTwinMembers() {
        assertThat(JsonMembers.string("{\"a\\\"b\":\"x\\u0041\\\\\",\"a\\\"b\":\"second\"}", "a\"b"))
                .contains("xA\\");
        assertThat(JsonMembers.string("{}", "a")).isEmpty();
    }

    @Test
    void anythingButAWholeObjectHasNoMembers() {
        for (String document : List.of(
                "",
                "\"invalid_grant\"",
                "[{\"error\":\"invalid_grant\"}]",
                "{\"error\":\"invalid_grant\"",
                "{\"error\":\"invalid_grant\"} trailing",
                "{\"error\" \"invalid_grant\"}",
                "{\"error\":\"unterminated}",
                "{\"error\":invalid_grant,}",
                "{\"a\":,\"error\":\"invalid_grant\"}",
                "<html>{\"error\":\"invalid_grant\"}</html>")) {
            assertThat(JsonMembers.string(document, "error")).as(document).isEmpty();
        }
    }
}
