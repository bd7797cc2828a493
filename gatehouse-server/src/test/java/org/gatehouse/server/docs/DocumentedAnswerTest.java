package org.gatehouse.server.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** How a {@code # =>} line in the docs is compared with a real answer. */
class DocumentedAnswerTest {

	@Test
	void aDifferentStatusOrFieldNameIsADifference() {
		DocumentedAnswer sessions = DocumentedAnswer.parse("=> 200 [{\"id\":\"9f2c…\",\"last_seen_at\":\"…\",\"current\":true}]");

		assertThat(sessions.differences(200, "[{\"id\":\"a\",\"last_seen_at\":null,\"current\":true},"
				+ "{\"id\":\"b\",\"last_seen_at\":\"2026\",\"current\":false}]")).isEmpty();
		assertThat(sessions.differences(200, "[{\"id\":\"a\",\"lastSeenAt\":null,\"current\":true}]"))
			.containsExactly("the fields of $[0] are [current, id, lastSeenAt], the document shows [current, id, last_seen_at]");
		assertThat(sessions.differences(401, "{\"status\":401}"))
			.contains("answered 401, the document shows 200", "$ is `{\"status\":401}`, the document shows a list");
	}

	@Test
	void nestedObjectsAreComparedAndProseAfterTheStatusChecksOnlyTheStatus() {
		DocumentedAnswer search = DocumentedAnswer.parse("=> 200 {\"items\":[{\"id\":42,\"email\":\"a\"}],\"next_cursor\":null}");

		assertThat(search.differences(200, "{\"items\":[{\"id\":1,\"email\":\"x\",\"roles\":[]}],\"next_cursor\":null}"))
			.containsExactly("the fields of $.items[0] are [email, id, roles], the document shows [email, id]");
		assertThat(DocumentedAnswer.parse("=> 200, the same user").differences(200, "{\"anything\":1}")).isEmpty();
		assertThat(DocumentedAnswer.parse("=> 204").differences(204, "")).isEmpty();
	}

	@Test
	void aSampleThatIsNotJsonIsAnErrorInTheDocument() {
		assertThatIllegalArgumentException().isThrownBy(() -> DocumentedAnswer.parse("=> 200 {\"id\":7,…}"))
			.withMessageStartingWith("the sample answer is not JSON");
		assertThatIllegalArgumentException().isThrownBy(() -> DocumentedAnswer.parse("200 ok"));
	}
}
