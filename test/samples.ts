// Sample Jenkinsfiles shared by the end-to-end tests.

/** A declarative pipeline whose Kaniko container, with `image`, runs the executor through `sh`. The image is on line 9, column 12. */
export function kanikoPipeline(image: string): string {
  return `pipeline {
  agent {
    kubernetes {
      cloud 'kubernetes'
      yaml '''
spec:
  containers:
  - name: kaniko
    image: ${image}
    command: [sleep]
    args: [99d]
'''
    }
  }
  stages { stage('Image') { steps { container('kaniko') { sh '/kaniko/executor --no-push' } } } }
}
`;
}
