package io.groundbreak.web.pages;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages are static files; this only sends each role to where its work starts. */
@Controller
class PageController {

    @GetMapping("/")
    String home(Authentication authentication) {
        Role role = CurrentUser.of(authentication).role();
        return switch (role) {
            case AUDITOR -> "redirect:/audit.html";
            // a district office's work starts in its workspace, its reviewer's too (the queue of pending changes)
            case DISTRICT, REVIEWER -> "redirect:/district.html";
            default -> "redirect:/dashboard.html";
        };
    }

    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }
}
