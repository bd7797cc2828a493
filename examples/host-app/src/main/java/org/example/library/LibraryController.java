package org.example.library;

import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The application's own pages: a public front page and the reading list, which needs a login. */
@Controller
class LibraryController {

	private final Books books;

	LibraryController(Books books) {
		this.books = books;
	}

	@GetMapping("/")
	String index() {
		return "index";
	}

	@GetMapping("/books/")
	String books(@AuthenticationPrincipal AccountPrincipal user, Model model) {
		model.addAttribute("email", user.email());
		model.addAttribute("books", books.all());
		return "books";
	}
}
