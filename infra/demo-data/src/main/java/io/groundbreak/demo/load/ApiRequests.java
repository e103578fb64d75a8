package io.groundbreak.demo.load;

import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.PendingReview;
import io.groundbreak.demo.plan.ProjectAction;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** A project's requests in posting order: its registration, then each action. */
public final class ApiRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiRequests() {
    }

    public static List<ApiRequest> of(DemoProject project) {
        List<ApiRequest> requests = new ArrayList<>();
        requests.add(new ApiRequest(project.districtUser(), "/api/projects", key(project, 0, "register"),
                JSON.writeValueAsString(project.registration())));
        String base = "/api/projects/" + project.projectId();
        List<ProjectAction> actions = project.actions();
        for (int i = 0; i < actions.size(); i++) {
            ProjectAction action = actions.get(i);
            requests.add(new ApiRequest(project.districtUser(), base + action.path(), key(project, i + 1, action.slug()),
                    JSON.writeValueAsString(action.body())));
        }
        return requests;
    }

    /** What a project posts only after the months are closed: its restatements, keyed after its actions. */
    public static List<ApiRequest> restatementsOf(DemoProject project) {
        List<ApiRequest> requests = new ArrayList<>();
        String base = "/api/projects/" + project.projectId();
        int position = project.actions().size() + 1;
        for (ProjectAction action : project.restatements()) {
            requests.add(new ApiRequest(project.districtUser(), base + action.path(),
                    key(project, position++, "restatement-" + action.slug()), JSON.writeValueAsString(action.body())));
        }
        return requests;
    }

    /** A change the demo leaves waiting for review, keyed after the project's restatements. */
    public static ApiRequest of(PendingReview review) {
        DemoProject project = review.project();
        int position = project.actions().size() + project.restatements().size() + 1;
        return new ApiRequest(project.districtUser(), "/api/projects/" + project.projectId() + review.retraction().path(),
                key(project, position, "pending-" + review.retraction().slug()),
                JSON.writeValueAsString(review.retraction().body()));
    }

    /**
     * The same for every run of the same demo (the project's code, the action's place and kind), so that a
     * second run is answered from milestone-service's stored answers and writes nothing.
     */
    static String key(DemoProject project, int position, String slug) {
        return "groundbreak-demo/" + project.code() + "/" + String.format("%03d", position) + "/" + slug;
    }
}
