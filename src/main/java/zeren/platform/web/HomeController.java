package zeren.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the responsibility cycle, one step per module. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "index";
	}
}
