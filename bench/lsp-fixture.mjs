// A 1,000-line Jenkinsfile with several pod templates, made for the editor benchmarks.
export function bigJenkinsfile() {
  const stage = (i) => `    stage('Build ${i}') {
      agent {
        kubernetes {
          cloud 'kubernetes'
          yaml '''
spec:
  containers:
  - name: maven
    image: maven:3.9-eclipse-temurin-21
    command: [sleep]
    args: [99d]
    resources:
      requests: {cpu: 500m, memory: 1Gi}
      limits: {memory: 2Gi}
    volumeMounts:
    - name: m2
      mountPath: /root/.m2
  - name: kaniko
    image: gcr.io/kaniko-project/executor:v1.23.2-debug
    command: [sleep]
    args: [99d]
    volumeMounts:
    - name: docker-config
      mountPath: /kaniko/.docker
  volumes:
  - name: m2
    emptyDir: {}
  - name: docker-config
    secret:
      secretName: regcred
'''
        }
      }
      steps {
        container('maven') {
          sh 'mvn -B -ntp verify'
        }
        container('kaniko') {
          sh '/kaniko/executor --context=dir://. --destination=registry.example.com/app:${i}'
        }
      }
    }
`;
  let body = '';
  for (let i = 0; body.split('\n').length < 990; i++) body += stage(i);
  return `pipeline {\n  agent none\n  stages {\n${body}  }\n}\n`;
}
