"""TaskFlow decorators: ``@task.maskline`` masks a task's returned DataFrame before it leaves the task."""
