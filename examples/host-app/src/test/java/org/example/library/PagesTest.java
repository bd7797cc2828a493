package org.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** The library's pages and Gatehouse's, over HTTP as an anonymous visitor sees them. */
class PagesTest extends LibraryTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void theFrontPageIsPublicAndInTheLibrarysWords() throws Exception {
		HttpResponse<String> front = get("/");
		assertThat(front.statusCode()).isEqualTo(200);
		assertThat(front.body()).contains("<h1 id=\"app-name\">Reading List</h1>", "Keep track of the books");
	}

	@Test
	void theReadingListSendsAnonymousVisitorsToTheLibrarysLoginPage() throws Exception {
		HttpResponse<String> books = get("/books/");
		assertThat(books.statusCode()).isEqualTo(302);
		String location = books.headers().firstValue("Location").orElseThrow();
		URI login = URI.create(url("/books/")).resolve(location);
		assertThat(login.getPath()).isEqualTo("/login/");
		assertThat(login.getQuery()).isEqualTo("next=/books/");

		HttpResponse<String> page = get(location);
		assertThat(page.statusCode()).isEqualTo(200);
		// the library's own login template, around Gatehouse's form
		assertThat(page.body()).contains("id=\"library-login-intro\"", "Log in to see your reading list.",
				"id=\"login-form\"");
	}

	@Test
	void gatehousesPagesShowTheLibrarysTexts() throws Exception {
		HttpResponse<String> signUp = get("/signup/");
		assertThat(signUp.statusCode()).isEqualTo(200);
		// app.name and register.title are Gatehouse's keys, overridden in the library's messages.properties
		assertThat(signUp.body()).contains("<title>Join the reading list · Reading List</title>",
				"Join the reading list</h1>", "id=\"register-form\"");
	}

	@Test
	void anUnknownPageOfTheLibraryGetsSpringBootsErrorPageNotGatehouses() throws Exception {
		HttpResponse<String> missing = get("/shelves/");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Whitelabel Error Page");
	}

	private HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
		URI uri = URI.create(url("/")).resolve(pathOrUrl);
		return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
