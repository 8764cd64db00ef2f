<?php
/**
 * Plugin Name: newslint publish check
 * Description: Checks a post with newslint (POST /v1/check) when it is published: errors block
 *              publishing, warnings are shown after saving. A sketch to adapt (see docs/cms.md).
 *
 * In wp-config.php:
 *   define( 'NEWSLINT_URL', 'http://127.0.0.1:8080' );   // where `newslint serve` listens
 *   define( 'NEWSLINT_TOKEN', '...' );                    // its NEWSLINT_TOKEN, if it has one
 *   define( 'NEWSLINT_FAIL_CLOSED', false );              // true: block when newslint is down
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** newslint's answer for one post, or a WP_Error when it cannot be had. */
function newslint_check( $title, $content, $date ) {
	$headers = array( 'Content-Type' => 'application/json' );
	if ( defined( 'NEWSLINT_TOKEN' ) && NEWSLINT_TOKEN ) {
		$headers['Authorization'] = 'Bearer ' . NEWSLINT_TOKEN;
	}
	$response = wp_remote_post(
		rtrim( NEWSLINT_URL, '/' ) . '/v1/check',
		array(
			'timeout' => 10,
			'headers' => $headers,
			'body'    => wp_json_encode(
				array(
					'text'     => $content,  // block markup is HTML: its comments are not text
					'format'   => 'html',
					'metadata' => array( 'title' => $title, 'date' => substr( $date, 0, 10 ) ),
				)
			),
		)
	);
	if ( is_wp_error( $response ) ) {
		return $response;
	}
	$answer = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( 200 !== wp_remote_retrieve_response_code( $response ) || ! is_array( $answer ) ) {
		$message = isset( $answer['error']['message'] ) ? $answer['error']['message'] : 'no answer';
		return new WP_Error( 'newslint_unavailable', 'newslint: ' . $message );
	}
	return $answer;
}

/** "line:column message [rule]" for each finding at this level. */
function newslint_lines( $answer, $level ) {
	$lines = array();
	foreach ( $answer['diagnostics'] as $d ) {
		if ( $d['level'] === $level ) {
			$lines[] = sprintf( '%d:%d %s [%s]', $d['line'], $d['column'], $d['message'], $d['rule'] );
		}
	}
	return $lines;
}

/** Null when the post may be published; otherwise why not. Warnings are kept for the notice. */
function newslint_verdict( $title, $content, $date ) {
	$answer = newslint_check( $title, $content, $date );
	if ( is_wp_error( $answer ) ) {
		if ( defined( 'NEWSLINT_FAIL_CLOSED' ) && NEWSLINT_FAIL_CLOSED ) {
			return $answer->get_error_message();
		}
		set_transient( 'newslint_notice_' . get_current_user_id(), array( 'Not checked: ' . $answer->get_error_message() ), 60 );
		return null;
	}
	set_transient( 'newslint_notice_' . get_current_user_id(), newslint_lines( $answer, 'warning' ), 60 );
	if ( 'fail' === $answer['verdict'] ) {
		return "newslint found problems that block publishing:\n" . implode( "\n", newslint_lines( $answer, 'error' ) );
	}
	return null;
}

// The block editor saves through the REST API: a WP_Error here stops the save, and the editor
// shows its message.
add_filter(
	'rest_pre_insert_post',
	function ( $prepared, $request ) {
		if ( is_wp_error( $prepared ) || 'publish' !== ( $prepared->post_status ?? get_post_status( $prepared->ID ?? 0 ) ) ) {
			return $prepared;
		}
		$existing = isset( $prepared->ID ) ? get_post( $prepared->ID ) : null;
		$title    = $prepared->post_title ?? ( $existing ? $existing->post_title : '' );
		$content  = $prepared->post_content ?? ( $existing ? $existing->post_content : '' );
		$why_not  = newslint_verdict( $title, $content, $prepared->post_date ?? current_time( 'mysql' ) );
		return null === $why_not ? $prepared : new WP_Error( 'newslint_blocked', $why_not, array( 'status' => 422 ) );
	},
	10,
	2
);

// The classic editor (and wp_update_post) update a post here, before it is written.
add_action(
	'pre_post_update',
	function ( $post_id, $data ) {
		if ( defined( 'REST_REQUEST' ) && REST_REQUEST ) {
			return;  // checked by rest_pre_insert_post above
		}
		if ( 'publish' !== $data['post_status'] || wp_is_post_revision( $post_id ) ) {
			return;
		}
		$why_not = newslint_verdict( wp_unslash( $data['post_title'] ), wp_unslash( $data['post_content'] ), $data['post_date'] );
		if ( null !== $why_not ) {
			wp_die( nl2br( esc_html( $why_not ) ), 'newslint', array( 'response' => 422, 'back_link' => true ) );
		}
	},
	10,
	2
);

// Warnings (and "not checked") after saving, in the classic editor's notices.
add_action(
	'admin_notices',
	function () {
		$key   = 'newslint_notice_' . get_current_user_id();
		$lines = get_transient( $key );
		if ( $lines ) {
			delete_transient( $key );
			echo '<div class="notice notice-warning is-dismissible"><p><strong>newslint</strong></p><ul>';
			foreach ( $lines as $line ) {
				echo '<li>' . esc_html( $line ) . '</li>';
			}
			echo '</ul></div>';
		}
	}
);
