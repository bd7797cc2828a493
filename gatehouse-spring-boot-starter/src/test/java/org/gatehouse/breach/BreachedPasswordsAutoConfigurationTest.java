package org.gatehouse.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;

/** The whole starter, as the command line runs it: which corpus is used, and that it is off unless asked for. */
class BreachedPasswordsAutoConfigurationTest {

	private static final String LISTED = "listed-in-the-local-file";
	private static final String UNLISTED = "not-listed-anywhere-at-all";

	@TempDir
	Path dir;

	private Path hashFile() throws IOException {
		Path file = dir.resolve("pwned-passwords.txt");
		Files.write(file, List.of(Sha1.hex(LISTED) + ":7"));
		return file;
	}

	private static List<String> problems(PasswordService passwords, String password) {
		return passwords.screen(password, "someone@example.org", null, Locale.ENGLISH).problems();
	}

	@Test
	void offByDefaultSoNoRequestEverLeaves() {
		StarterContextRunner.withStarterOutsideAWebApplication().run(context -> {
			assertThat(context).doesNotHaveBean(BreachedPasswordCheck.class)
				.doesNotHaveBean(CompromisedPasswordChecker.class);
			assertThat(problems(context.getBean(PasswordService.class), LISTED)).isEmpty();
		});
	}

	@Test
	void theLocalFileRefusesItsPasswords() throws IOException {
		Path file = hashFile();
		StarterContextRunner.withStarterOutsideAWebApplication()
			.withPropertyValues("gatehouse.passwords.breached.enabled=true", "gatehouse.passwords.breached.source=file",
					"gatehouse.passwords.breached.file=" + file)
			.run(context -> {
				assertThat(context.getBean(CompromisedPasswordChecker.class)).isInstanceOf(Sha1HashFile.class);
				PasswordService passwords = context.getBean(PasswordService.class);
				assertThat(problems(passwords, LISTED))
					.containsExactly("This password appears in known data breaches. Please choose another one.");
				assertThat(problems(passwords, UNLISTED)).isEmpty();
			});
	}

	@Test
	void theFileSourceWithoutAFileStopsTheStartWithTheKeyToSet() {
		StarterContextRunner.withStarterOutsideAWebApplication()
			.withPropertyValues("gatehouse.passwords.breached.enabled=true", "gatehouse.passwords.breached.source=file")
			.run(context -> assertThat(context).hasFailed().getFailure()
				.rootCause().hasMessageContaining("gatehouse.passwords.breached.file"));
	}

	@Test
	void theApplicationsOwnCheckerReplacesTheCorpus() {
		StarterContextRunner.withStarterOutsideAWebApplication()
			.withPropertyValues("gatehouse.passwords.breached.enabled=true", "gatehouse.passwords.breached.mode=warn")
			.withBean(CompromisedPasswordChecker.class, () -> password -> new CompromisedPasswordDecision(true))
			.run(context -> {
				PasswordService.Screening screening = context.getBean(PasswordService.class)
					.screen(UNLISTED, "someone@example.org", null, Locale.GERMAN);
				assertThat(screening.problems()).isEmpty();
				assertThat(screening.notices()).singleElement().asString().startsWith("Dieses Passwort kommt");
			});
	}
}
