package org.gatehouse.server.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The values a walk-through's commands take from earlier answers, as docs/api.md describes them:
 * {@code $TOKEN}, the {@code token} of the newest answer that had one; {@code <id>}, the {@code id}
 * of the answer just before (of its last element when it is a list, or of the last of its
 * {@code items}); {@code <last path segment of the mailed link>}, the end of the link in the newest
 * mail the server logged (it has no SMTP server, so it logs each mail); and {@code $ADMIN_TOKEN}, a
 * token with the {@code admin} scope of the administrator the README's tour creates.
 */
final class WalkThrough {

	static final String ID = "<id>";
	static final String MAILED_TOKEN = "<last path segment of the mailed link>";
	static final List<String> VARIABLES = List.of("TOKEN", "ADMIN_TOKEN");

	private static final Pattern MAIL = Pattern.compile("mail to \\S+ not sent\\.");
	private static final Pattern LINK = Pattern.compile("https?://\\S*/([^/\\s]+)");

	private final Path serverLog;
	private final Supplier<String> adminToken;
	private final Map<String, String> variables = new HashMap<>();
	private JsonNode previousAnswer;
	private int mailsBeforePrevious;
	private int mailsBeforeCurrent;

	WalkThrough(Path serverLog, Supplier<String> adminToken) {
		this.serverLog = serverLog;
		this.adminToken = adminToken;
	}

	/** Called before each command runs. */
	void next() throws IOException {
		mailsBeforePrevious = mailsBeforeCurrent;
		mailsBeforeCurrent = mails().size();
	}

	/** The command with its {@code <…>} placeholders filled. */
	String fill(String text) throws Exception {
		if (text.contains(ID)) {
			text = text.replace(ID, previousId());
		}
		if (text.contains(MAILED_TOKEN)) {
			text = text.replace(MAILED_TOKEN, mailedToken());
		}
		return text;
	}

	/** The variables the command uses, for its environment. */
	Map<String, String> environment(String text) {
		Map<String, String> environment = new HashMap<>();
		if (text.contains("$ADMIN_TOKEN")) {
			variables.computeIfAbsent("ADMIN_TOKEN", name -> adminToken.get());
		}
		for (String name : VARIABLES) {
			if (text.contains("$" + name) && !variables.containsKey(name)) {
				throw new IllegalStateException("no answer before this one had a " + name.toLowerCase());
			}
		}
		environment.putAll(variables);
		return environment;
	}

	/** Remembers a command's answer (null: it printed no JSON). */
	void answered(JsonNode answer) {
		previousAnswer = answer;
		if (answer != null && answer.hasNonNull("token")) {
			variables.put("TOKEN", answer.get("token").asString());
		}
	}

	private String previousId() {
		JsonNode answer = previousAnswer;
		if (answer != null && answer.has("items")) {
			answer = answer.get("items");
		}
		if (answer != null && answer.isArray() && !answer.isEmpty()) {
			answer = answer.get(answer.size() - 1);
		}
		if (answer == null || !answer.hasNonNull("id")) {
			throw new IllegalStateException("the answer before has no id: " + previousAnswer);
		}
		return answer.get("id").asString();
	}

	/** Waits for the mail the command before sent (the server may log it after answering). */
	private String mailedToken() throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		List<String> mails = mails();
		while (mails.size() <= mailsBeforePrevious && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			mails = mails();
		}
		if (mails.size() <= mailsBeforePrevious) {
			throw new IllegalStateException("the command before sent no mail within 30 s");
		}
		Matcher link = LINK.matcher(mails.get(mails.size() - 1));
		if (!link.find()) {
			throw new IllegalStateException("the newest mail has no link: " + mails.get(mails.size() - 1));
		}
		return link.group(1);
	}

	/** The logged mails, oldest first: each from its "not sent." line to the next mail. */
	private List<String> mails() throws IOException {
		String log = Files.readString(serverLog);
		Matcher mail = MAIL.matcher(log);
		List<Integer> starts = new ArrayList<>();
		while (mail.find()) {
			starts.add(mail.end());
		}
		List<String> mails = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			mails.add(log.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : log.length()));
		}
		return mails;
	}
}
