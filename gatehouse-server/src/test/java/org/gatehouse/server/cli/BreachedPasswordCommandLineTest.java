package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gatehouse.account.UserStore;
import org.gatehouse.admin.RoleAssignments;
import org.gatehouse.breach.BreachedPasswordCheck;
import org.gatehouse.breach.BreachedPasswordsProperties;
import org.gatehouse.breach.Sha1HashFile;
import org.gatehouse.password.PasswordService;
import org.gatehouse.password.PasswordsProperties;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordPolicy;
import org.gatehouse.server.cli.CommandLineTest.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentMatchers;
import org.springframework.context.support.ResourceBundleMessageSource;

/** {@code users create} refuses a password of the breach corpus (here a local hash file), or warns about it. */
class BreachedPasswordCommandLineTest {

	private static final String LEAKED = "leaked-from-somewhere-2024";

	private final Locale saved = Locale.getDefault();
	private final BreachedPasswordsProperties settings = new BreachedPasswordsProperties();
	private final UserStore users = mock(UserStore.class);

	@TempDir
	Path dir;

	@AfterEach
	void restoreTheLocale() {
		Locale.setDefault(saved);
	}

	private Result create(String email) throws Exception {
		Path file = dir.resolve("pwned.txt");
		String sha1 = HexFormat.of().withUpperCase()
			.formatHex(MessageDigest.getInstance("SHA-1").digest(LEAKED.getBytes(StandardCharsets.UTF_8)));
		Files.write(file, List.of(sha1 + ":12"));
		ResourceBundleMessageSource pages = new ResourceBundleMessageSource();
		pages.setBasename("gatehouse/messages");
		pages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		pages.setFallbackToSystemLocale(false);
		try (Sha1HashFile corpus = new Sha1HashFile(file)) {
			PasswordService passwords = new PasswordService(PasswordContext.builder().defaultScheme("pbkdf2_sha512")
				.rounds(Map.of("pbkdf2_sha512", 1000)).build(), new PasswordPolicy(12, 4096), new PasswordsProperties(),
					pages, List.of(new BreachedPasswordCheck(corpus, settings)));
			Beans beans = Beans.of(passwords, users, mock(RoleAssignments.class));
			return CommandLineTest.capture(LEAKED + "\n",
					() -> GatehouseCli.commandLine(beans).execute("users", "create", email));
		}
	}

	@Test
	void aBreachedPasswordIsRefusedInTheProcessLanguage() throws Exception {
		Locale.setDefault(Locale.ENGLISH);
		Result english = create("operator@example.org");
		assertThat(english.exit()).isEqualTo(2);
		assertThat(english.err().lines()).containsExactly(
				"Password refused: This password appears in known data breaches. Please choose another one.");

		Locale.setDefault(Locale.FRANCE);
		assertThat(create("operator@example.org").err().lines()).containsExactly("Mot de passe refusé : "
				+ "Ce mot de passe figure dans des fuites de données connues. Veuillez en choisir un autre.");
		verify(users, never()).create(ArgumentMatchers.any(), ArgumentMatchers.any(), ArgumentMatchers.any(),
				ArgumentMatchers.anyBoolean());
	}

	@Test
	void warnModeCreatesTheUserAndSaysWhy() throws Exception {
		settings.setMode(BreachedPasswordsProperties.Mode.WARN);
		Locale.setDefault(Locale.GERMANY);
		Result german = create("operator@example.org");
		assertThat(german.exit()).as(german.err()).isZero();
		assertThat(german.err().lines()).containsExactly("Warnung: Dieses Passwort kommt in bekannten Datenlecks vor. "
				+ "Es wurde akzeptiert, aber bitte wählen Sie bald ein anderes.");
		verify(users).create(ArgumentMatchers.eq("operator@example.org"), ArgumentMatchers.any(), ArgumentMatchers.any(),
				ArgumentMatchers.anyBoolean());
	}
}
