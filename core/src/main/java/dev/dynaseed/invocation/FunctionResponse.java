package dev.dynaseed.invocation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What the Lambda function returns, in the seed tutorial's shape: {@code {"statusCode": 200, "body": "<JSON
 * text>"}}.
 *
 * @param statusCode 200 when everything was done, 400 for an invalid spec, 500 when tables or items failed
 * @param body the body before it is turned into text
 */
public record FunctionResponse(int statusCode, ObjectNode body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public FunctionResponse {
        Objects.requireNonNull(body, "body");
    }

    /** The response as Lambda returns it, with the body as a JSON string like the seed's {@code json.dumps}. */
    public ObjectNode toJson() {
        ObjectNode response = MAPPER.createObjectNode();
        response.put("statusCode", statusCode);
        response.put("body", body.toString());
        return response;
    }
}
