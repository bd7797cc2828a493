package org.gatehouse.server.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One GreenMail SMTP server for the whole test JVM. It is started by {@link Starter}, an
 * initializer that runs before the Spring context is refreshed.
 */
public final class BrowserMail {

	/** Fixed, distinct from the starter's integration tests (3925). */
	public static final int SMTP_PORT = 3926;

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	private static GreenMail server;

	private BrowserMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			GreenMail started = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			started.start();
			server = started;
		}
		return server;
	}

	static List<MimeMessage> to(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/**
	 * Waits (with a deadline) for a mail to an address holding a link that contains {@code fragment},
	 * and returns the first such link of the newest such mail.
	 */
	static String awaitLink(String address, String fragment) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			List<MimeMessage> mails = to(address);
			for (int i = mails.size() - 1; i >= 0; i--) {
				Matcher m = LINK.matcher(textOf(mails.get(i)));
				while (m.find()) {
					if (m.group().contains(fragment)) {
						return m.group();
					}
				}
			}
			server().waitForIncomingEmail(250, server().getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail with a " + fragment + " link to " + address + " within 15 s; mails: "
				+ to(address).stream().map(BrowserMail::textOf).toList());
	}

	private static String textOf(MimeMessage mail) {
		// soft line breaks and =3D of quoted-printable bodies, whatever GreenMail hands back
		return GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
	}

	/** Starts the SMTP server before the application context exists. */
	public static final class Starter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			server();
		}
	}
}
