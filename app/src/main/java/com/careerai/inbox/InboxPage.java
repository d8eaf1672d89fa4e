package com.careerai.inbox;

import java.util.List;

/** One page of a user's inbox (pages count from 1), newest first, with the user's unread count. */
public record InboxPage(List<Notification> notifications, int page, int pageSize, boolean hasMore, long unread) {}
