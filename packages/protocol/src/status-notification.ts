/**
 * The notification `monitor/status`, server → client: how many documents the server is computing
 * (data stage and rows) right now. Sent when the number changes; the VS Code extension shows a
 * spinner in its status-bar item while it is above zero. Other clients may ignore it.
 */

/** The method name, shared by the server and the client. */
export const STATUS_NOTIFICATION_METHOD = 'monitor/status';

/** Parameters of `monitor/status`. */
export interface StatusParams {
    /** Documents being computed now; 0 when the server is idle. */
    computing: number;
}
