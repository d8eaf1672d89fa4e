package com.careerai.ai;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** The tool exists but the student's university has switched it off: 404, saying so plainly. */
public final class ToolSwitchedOffException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ToolSwitchedOffException(AiTool tool) {
        super(
                HttpStatus.NOT_FOUND,
                "tool_switched_off",
                tool.name() + " is switched off by your university. Your careers service can tell you why.");
    }
}
