package org.gatehouse.emailchange;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.gatehouse.testapp.TestMail;

/** The mails of a change of email address, found by subject, polling with a deadline. */
public final class ChangeEmailMails {

	public static final String CONFIRM_SUBJECT = "Confirm your new email address";
	public static final String NOTICE_SUBJECT = "Your email address is being changed";
	public static final String ADMIN_NOTICE_SUBJECT = "Your email address was changed";
	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private ChangeEmailMails() {
	}

	/** The link of the newest mail with that subject to the address. */
	public static String awaitLink(String address, String subject) {
		return link(await(address, subject));
	}

	/** The path of that link (the part a test client requests). */
	public static String awaitPath(String address, String subject) {
		return URI.create(awaitLink(address, subject)).getPath();
	}

	/** The token at the end of that link. */
	public static String awaitToken(String address, String subject) {
		String path = awaitPath(address, subject);
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** The body of the newest mail with that subject to the address, once there is one. */
	public static String await(String address, String subject) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			List<String> found = bodies(address, subject);
			if (!found.isEmpty()) {
				return found.get(found.size() - 1);
			}
			TestMail.server().waitForIncomingEmail(200, TestMail.server().getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail '" + subject + "' to " + address);
	}

	/** The bodies (quoted-printable undone) of the mails with that subject to the address, oldest first. */
	public static List<String> bodies(String address, String subject) {
		List<String> found = new ArrayList<>();
		for (MimeMessage mail : TestMail.to(address)) {
			if (subject.equals(subject(mail))) {
				found.add(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
			}
		}
		return found;
	}

	/** The first link in a mail body. */
	public static String link(String body) {
		Matcher m = LINK.matcher(body);
		if (!m.find()) {
			throw new AssertionError("No link in mail: " + body);
		}
		return m.group();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
