/* Shim over librabbitmq-c for Swift (module CRabbitMQ).
 *
 * Picks the header layout of the installed release (0.11 puts amqp.h in
 * /usr/include, newer releases under rabbitmq-c/), wraps the variadic
 * amqp_login, and adds small static inline helpers that are awkward to
 * express in Swift (unions, pointer arithmetic on tables, macros).
 */
#ifndef CRABBITMQ_SHIM_H
#define CRABBITMQ_SHIM_H

#if __has_include(<rabbitmq-c/amqp.h>)
#include <rabbitmq-c/amqp.h>
#include <rabbitmq-c/framing.h>
#else
#include <amqp.h>
#include <amqp_framing.h>
#endif

#if __has_include(<rabbitmq-c/tcp_socket.h>)
#include <rabbitmq-c/tcp_socket.h>
#else
#include <amqp_tcp_socket.h>
#endif

#if __has_include(<rabbitmq-c/ssl_socket.h>)
#include <rabbitmq-c/ssl_socket.h>
#else
#include <amqp_ssl_socket.h>
#endif

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>

/* amqp_login with SASL PLAIN (amqp_login is variadic). */
static inline amqp_rpc_reply_t crmq_login_plain(amqp_connection_state_t state,
                                                const char *vhost,
                                                int channel_max, int frame_max,
                                                int heartbeat,
                                                const char *user,
                                                const char *password) {
  return amqp_login(state, vhost, channel_max, frame_max, heartbeat,
                    AMQP_SASL_METHOD_PLAIN, user, password);
}

/* amqp_login_with_properties with SASL PLAIN (variadic in C). */
static inline amqp_rpc_reply_t crmq_login_plain_props(
    amqp_connection_state_t state, const char *vhost, int channel_max,
    int frame_max, int heartbeat, const amqp_table_t *client_properties,
    const char *user, const char *password) {
  return amqp_login_with_properties(state, vhost, channel_max, frame_max,
                                    heartbeat, client_properties,
                                    AMQP_SASL_METHOD_PLAIN, user, password);
}

/* Answer a server channel.close / connection.close (required by AMQP). */
static inline int crmq_send_channel_close_ok(amqp_connection_state_t state,
                                             amqp_channel_t channel) {
  amqp_channel_close_ok_t ok;
  ok.dummy = '\0';
  return amqp_send_method(state, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
}
static inline int crmq_send_connection_close_ok(amqp_connection_state_t state) {
  amqp_connection_close_ok_t ok;
  ok.dummy = '\0';
  return amqp_send_method(state, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
}

/* amqp_bytes_t over memory the caller keeps alive (no copy). */
static inline amqp_bytes_t crmq_bytes(const void *data, size_t len) {
  amqp_bytes_t b;
  b.len = len;
  b.bytes = (void *)data;
  return b;
}

static inline amqp_bytes_t crmq_empty_bytes(void) { return amqp_empty_bytes; }
static inline amqp_table_t crmq_empty_table(void) { return amqp_empty_table; }

/* Table entry i of a table (no bounds check: 0 <= i < table->num_entries). */
static inline amqp_table_entry_t *crmq_table_entry(amqp_table_t *table, int i) {
  return &table->entries[i];
}

/* Field value kinds, as plain ints (the AMQP_FIELD_KIND_* enum values). */
static inline int crmq_field_kind(const amqp_field_value_t *v) { return (int)v->kind; }

static inline amqp_bytes_t crmq_field_bytes(const amqp_field_value_t *v) { return v->value.bytes; }
static inline int crmq_field_bool(const amqp_field_value_t *v) { return v->value.boolean ? 1 : 0; }

/* Any integer kind widened to int64 (unsigned 64 clamped by the caller). */
static inline int64_t crmq_field_int(const amqp_field_value_t *v) {
  switch (v->kind) {
  case AMQP_FIELD_KIND_I8: return v->value.i8;
  case AMQP_FIELD_KIND_U8: return v->value.u8;
  case AMQP_FIELD_KIND_I16: return v->value.i16;
  case AMQP_FIELD_KIND_U16: return v->value.u16;
  case AMQP_FIELD_KIND_I32: return v->value.i32;
  case AMQP_FIELD_KIND_U32: return v->value.u32;
  case AMQP_FIELD_KIND_I64: return v->value.i64;
  case AMQP_FIELD_KIND_U64: return (int64_t)v->value.u64;
  case AMQP_FIELD_KIND_TIMESTAMP: return (int64_t)v->value.u64;
  default: return 0;
  }
}

/* 1 when the field value kind is one of the integer kinds. */
static inline int crmq_field_is_int(const amqp_field_value_t *v) {
  switch (v->kind) {
  case AMQP_FIELD_KIND_I8: case AMQP_FIELD_KIND_U8:
  case AMQP_FIELD_KIND_I16: case AMQP_FIELD_KIND_U16:
  case AMQP_FIELD_KIND_I32: case AMQP_FIELD_KIND_U32:
  case AMQP_FIELD_KIND_I64: case AMQP_FIELD_KIND_U64:
  case AMQP_FIELD_KIND_TIMESTAMP:
    return 1;
  default:
    return 0;
  }
}

/* Writers used when building a header table. */
static inline void crmq_set_entry_string(amqp_table_entry_t *e, amqp_bytes_t key, amqp_bytes_t value) {
  e->key = key;
  e->value.kind = AMQP_FIELD_KIND_UTF8;
  e->value.value.bytes = value;
}
static inline void crmq_set_entry_int(amqp_table_entry_t *e, amqp_bytes_t key, int64_t value) {
  e->key = key;
  e->value.kind = AMQP_FIELD_KIND_I64;
  e->value.value.i64 = value;
}
static inline void crmq_set_entry_bool(amqp_table_entry_t *e, amqp_bytes_t key, int value) {
  e->key = key;
  e->value.kind = AMQP_FIELD_KIND_BOOLEAN;
  e->value.value.boolean = value ? 1 : 0;
}

/* A timeval from seconds (fractional). */
static inline struct timeval crmq_timeval(double seconds) {
  struct timeval tv;
  if (seconds < 0) seconds = 0;
  tv.tv_sec = (time_t)seconds;
  tv.tv_usec = (suseconds_t)((seconds - (double)tv.tv_sec) * 1000000.0);
  return tv;
}

/* Method ids and flags that Swift imports awkwardly (macros with casts). */
static inline amqp_method_number_t crmq_method_basic_ack(void) { return AMQP_BASIC_ACK_METHOD; }
static inline amqp_method_number_t crmq_method_basic_nack(void) { return AMQP_BASIC_NACK_METHOD; }
static inline amqp_method_number_t crmq_method_basic_return(void) { return AMQP_BASIC_RETURN_METHOD; }
static inline amqp_method_number_t crmq_method_basic_deliver(void) { return AMQP_BASIC_DELIVER_METHOD; }
static inline amqp_method_number_t crmq_method_basic_cancel(void) { return AMQP_BASIC_CANCEL_METHOD; }
static inline amqp_method_number_t crmq_method_channel_close(void) { return AMQP_CHANNEL_CLOSE_METHOD; }
static inline amqp_method_number_t crmq_method_connection_close(void) { return AMQP_CONNECTION_CLOSE_METHOD; }
static inline amqp_method_number_t crmq_method_connection_blocked(void) { return AMQP_CONNECTION_BLOCKED_METHOD; }
static inline amqp_method_number_t crmq_method_connection_unblocked(void) { return AMQP_CONNECTION_UNBLOCKED_METHOD; }

static inline amqp_flags_t crmq_basic_flag_all(void) {
  return AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_CONTENT_ENCODING_FLAG |
         AMQP_BASIC_HEADERS_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG |
         AMQP_BASIC_PRIORITY_FLAG | AMQP_BASIC_CORRELATION_ID_FLAG |
         AMQP_BASIC_REPLY_TO_FLAG | AMQP_BASIC_EXPIRATION_FLAG |
         AMQP_BASIC_MESSAGE_ID_FLAG | AMQP_BASIC_TIMESTAMP_FLAG |
         AMQP_BASIC_TYPE_FLAG | AMQP_BASIC_USER_ID_FLAG |
         AMQP_BASIC_APP_ID_FLAG | AMQP_BASIC_CLUSTER_ID_FLAG;
}

/* Frame accessors (the payload is a union). */
static inline amqp_method_t crmq_frame_method(const amqp_frame_t *f) { return f->payload.method; }

#endif /* CRABBITMQ_SHIM_H */
