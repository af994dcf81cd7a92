// RUN: %check_modelguard %s 'modelguard-*' %t -- -std=c++17
// REQUIRES: hiredis-headers
// hiredis against the installed header (libhiredis-dev 0.14), in the idiom
// of its README: redisCommand() with printf-style arguments.
#include <hiredis/hiredis.h>

#include <cstdlib>

// --- unlocked-read-modify-write ------------------------------------------------

void addPoints(redisContext *context, const char *user, int points) {
  redisReply *reply = (redisReply *)redisCommand(context, "GET points:%s", user);
  long long current = reply && reply->type == REDIS_REPLY_STRING ? atoll(reply->str) : 0;
  freeReplyObject(reply);
  current += points;
  reply = (redisReply *)redisCommand(context, "SET points:%s %lld", user, current);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'current' is written back to the store after it was read and modified with no lock, {{.*}} [modelguard-unlocked-read-modify-write]
  freeReplyObject(reply);
}

// --- Not reported: the library's correct idioms ---------------------------------

// INCRBY: Redis reads and writes in one command.
void addPointsAtomically(redisContext *context, const char *user, int points) {
  freeReplyObject(redisCommand(context, "INCRBY points:%s %d", user, points));
}

// WATCH, then MULTI ... EXEC: EXEC fails when the key changed after WATCH.
void addPointsOptimistically(redisContext *context, const char *user, int points) {
  freeReplyObject(redisCommand(context, "WATCH points:%s", user));
  redisReply *reply = (redisReply *)redisCommand(context, "GET points:%s", user);
  long long current = reply && reply->type == REDIS_REPLY_STRING ? atoll(reply->str) : 0;
  freeReplyObject(reply);
  current += points;
  freeReplyObject(redisCommand(context, "MULTI"));
  freeReplyObject(redisCommand(context, "SET points:%s %lld", user, current));
  freeReplyObject(redisCommand(context, "EXEC"));
}

// SET ... NX writes only when the key is absent.
void createSession(redisContext *context, const char *token, const char *user) {
  freeReplyObject(redisCommand(context, "SET session:%s %s NX EX 3600", token, user));
}
