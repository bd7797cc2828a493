package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.password.PasswordsProperties;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordPolicy;
import org.gatehouse.server.GatehouseServer;
import org.gatehouse.server.cli.CommandLineTest.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The command line speaks the process's language (LC_ALL / LANG, as Java maps them to the default locale). */
class CommandLineLanguageTest {

	private final Locale saved = Locale.getDefault();

	@AfterEach
	void restoreTheLocale() {
		Locale.setDefault(saved);
	}

	@Test
	void usageErrorsInGerman() {
		Locale.setDefault(Locale.GERMANY);
		assertThat(runWithoutSpring("users", "create", "root").err().lines()).containsExactly("Keine E-Mail-Adresse: root");
		Result missing = runWithoutSpring("users", "create");
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err().lines().findFirst()).hasValue("Erforderlicher Parameter fehlt: '<email>'");
		assertThat(missing.err()).contains("Aufruf: gatehouse-server users create", "E-Mail-Adresse");
		assertThat(runWithoutSpring("users").err()).startsWith("Befehl fehlt: einer von create,");
		assertThat(runWithoutSpring("usres").err().lines()).last().isEqualTo("Meinten Sie: gatehouse-server users?");
		assertThat(runWithoutSpring("xyzzy").err()).startsWith("Unbekanntes Argument an Position 0: 'xyzzy'");
		assertThat(runWithoutSpring("hash").err().lines()).containsExactly("Kein Passwort auf der Standardeingabe");
	}

	@Test
	void usageErrorsInFrench() {
		Locale.setDefault(Locale.FRANCE);
		assertThat(runWithoutSpring("users", "create", "root").err().lines())
			.containsExactly("Ce n’est pas une adresse e-mail : root");
		assertThat(runWithoutSpring("users", "create").err().lines().findFirst())
			.hasValue("Paramètre obligatoire manquant : '<email>'");
		assertThat(runWithoutSpring("rols", "add", "x", "admin").err().lines()).last()
			.isEqualTo("Vouliez-vous dire : gatehouse-server roles ?");
		assertThat(runWithoutSpring("verify", "$pbkdf2-sha512$1000$c2FsdA$aGFzaA").err().lines())
			.containsExactly("Aucun mot de passe sur l’entrée standard");
	}

	@Test
	void aLanguageWithoutTextsGetsEnglish() {
		Locale.setDefault(Locale.JAPAN);
		assertThat(runWithoutSpring("users", "create", "root").err().lines()).containsExactly("Not an email address: root");
		assertThat(runWithoutSpring("--help").out()).contains("Usage: gatehouse-server", "Manage user accounts.");
	}

	@Test
	void theUsageHelpInGermanAndFrench() {
		Locale.setDefault(Locale.GERMAN);
		assertThat(runWithoutSpring("--help").out()).contains("Aufruf: gatehouse-server", "Befehle:",
				"Benutzerkonten verwalten.", "Exit-Codes:", "Aufruf- oder Eingabefehler", "Diese Hilfe zeigen und beenden.");
		Locale.setDefault(Locale.FRENCH);
		assertThat(runWithoutSpring("users", "create", "--help").out()).contains("Utilisation : gatehouse-server users create",
				"Créer un utilisateur", "Adresse e-mail", "Nom d’utilisateur (facultatif)");
		assertThat(runWithoutSpring("roles", "add", "--help").out()).contains("Adresse e-mail ou nom d’utilisateur",
				"Nom du rôle, par ex. admin");
	}

	@Test
	void passwordRefusalsUseThePagesKeys() {
		ResourceBundleMessageSource pages = new ResourceBundleMessageSource();
		pages.setBasename("gatehouse/messages");
		pages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		pages.setFallbackToSystemLocale(false);
		PasswordService passwords = new PasswordService(PasswordContext.builder().defaultScheme("pbkdf2_sha512")
			.rounds(Map.of("pbkdf2_sha512", 1000)).build(), new PasswordPolicy(12, 4096), new PasswordsProperties(), pages);
		Beans beans = Beans.of(passwords, mock(UserStore.class));

		Locale.setDefault(Locale.GERMANY);
		Result german = CommandLineTest.capture("kurz\n",
				() -> GatehouseCli.commandLine(beans).execute("users", "create", "weak@example.org"));
		assertThat(german.exit()).isEqualTo(2);
		assertThat(german.err().lines()).singleElement().asString()
			.startsWith("Passwort abgelehnt: Das Passwort muss mindestens 12 Zeichen lang sein. Das Passwort ist zu leicht");

		Locale.setDefault(Locale.FRANCE);
		Result french = CommandLineTest.capture("kurz\n",
				() -> GatehouseCli.commandLine(beans).execute("users", "create", "weak@example.org"));
		assertThat(french.err().lines()).singleElement().asString()
			.startsWith("Mot de passe refusé : Le mot de passe doit comporter au moins 12 caractères");
	}

	@Test
	void theRealMainTakesTheLanguageFromTheProcess() throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Duser.language=de", "-Duser.country=DE", "-cp", System.getProperty("java.class.path"),
				GatehouseServer.class.getName(), "users", "create", "root").redirectErrorStream(true).start();
		try {
			process.getOutputStream().close();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines())
				.contains("Keine E-Mail-Adresse: root");
			assertThat(process.exitValue()).isEqualTo(2);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static Result runWithoutSpring(String... args) {
		return CommandLineTest.capture("", () -> GatehouseCli.run(args, springArgs -> {
			throw new CliException(1, "Spring was started");
		}));
	}
}
