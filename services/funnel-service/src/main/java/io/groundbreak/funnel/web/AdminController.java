package io.groundbreak.funnel.web;

import io.groundbreak.funnel.rebuild.Rebuild;
import io.groundbreak.funnel.rebuild.RebuildStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins rebuild the read models from the topic (blue/green) and follow the rebuild. */
@RestController
@RequestMapping("/api/admin/rebuild")
class AdminController {

    private final Rebuild rebuild;

    AdminController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** 202: the rebuild runs in the background; GET follows it. 409 when one runs already. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus start() {
        return rebuild.start();
    }

    @GetMapping
    RebuildStatus status() {
        return rebuild.status();
    }
}
