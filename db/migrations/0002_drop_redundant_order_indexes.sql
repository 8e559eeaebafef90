DROP INDEX "orders_created_idx";--> statement-breakpoint
DROP INDEX "orders_service_id_idx";